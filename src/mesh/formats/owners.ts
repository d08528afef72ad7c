/**
 * Owners and domains as the format mappers build them: an owner is identified by what the
 * descriptor gives (an email, a username, a team name, an IRI), a domain by its name.
 */
import { agentIri, domainIri } from '../iris.ts';
import type { Domain, Owner } from '../model.ts';
import { isAbsoluteIri } from '../TripleWriter.ts';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * An owner; `id` that is an IRI (`https://…`, not `mailto:`) is kept as the agent's IRI.
 *
 * @example owner('john.doe@company-xyz.com', 'person', 'John Doe')
 */
export function owner(id: string, kind: Owner['kind'], name?: string): Owner {
  const iri = /^https?:\/\//i.test(id) && isAbsoluteIri(id) ? id : agentIri(id);
  const email = EMAIL.test(id) ? id : undefined;
  return { iri, id, kind, ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

/** A domain named `id`. */
export function domain(id: string, name?: string): Domain {
  return { iri: domainIri(id), id, ...(name === undefined ? {} : { name }) };
}

/**
 * The accountable owner of a team block (ODPS, ODCS): its member whose role contains "owner", else
 * the team itself when it has a name; undefined otherwise.
 */
export function ownerOfTeam(team: unknown): Owner | undefined {
  const block = (Array.isArray(team) ? { members: team } : team ?? {}) as { name?: unknown; members?: unknown };
  const members = (Array.isArray(block.members) ? block.members : []) as { username?: unknown; name?: unknown; role?: unknown }[];
  const lead = members.find((member) => typeof member.role === 'string' && /owner/i.test(member.role) && typeof member.username === 'string');
  if (lead) return owner(lead.username as string, 'person', typeof lead.name === 'string' ? lead.name : undefined);
  return typeof block.name === 'string' && block.name !== '' ? owner(block.name, 'team') : undefined;
}
