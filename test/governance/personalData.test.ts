import { describe, expect, it } from 'vitest';
import { isPersonalDataConcept, type GovernedConcept } from '../../src/governance/index.ts';

const concept = (iri: string, up: GovernedConcept[] = []): GovernedConcept => ({ iri, up });

describe('isPersonalDataConcept', () => {
  it('is true for dpv:PersonalData in either DPV flavour, and for a concept any number of steps below it', () => {
    expect(isPersonalDataConcept([concept('https://w3id.org/dpv#PersonalData')])).toBe(true);
    expect(isPersonalDataConcept([concept('https://w3id.org/dpv/owl#PersonalData')])).toBe(true);
    const social = concept('https://w3id.org/dpv/pd#Social', [concept('https://w3id.org/dpv#PersonalData')]);
    expect(isPersonalDataConcept([concept('x:email', [concept('x:contact', [social])])])).toBe(true);
  });

  it('is false for other concepts, and ends on a cycle of equivalent concepts', () => {
    const a = concept('x:a');
    const b = concept('x:b', [a]);
    (a.up as GovernedConcept[]).push(b);
    expect(isPersonalDataConcept([a, concept('https://w3id.org/dpv#Data')])).toBe(false);
    expect(isPersonalDataConcept([])).toBe(false);
  });
});
