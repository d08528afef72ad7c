import { describe, expect, it } from 'vitest';
import { Entailment } from '../../src/ontology/index.ts';
import { EX, OWL, RDF, RDFS, entailmentOf, inferredLines, turtle } from './helpers.ts';
import { closedByReader, referenceClosure } from './referenceClosure.ts';

/** Short names for readable expectations: `:A`, `rdfs:subClassOf`, `owl:...`, `a`. */
function short(line: string): string {
  return line.replaceAll(EX, ':').replaceAll(RDFS, 'rdfs:').replaceAll(OWL, 'owl:').replaceAll(`${RDF}type`, 'a');
}

/** Inferred facts of some Turtle, shortened and sorted. */
function inferred(text: string): string[] {
  return inferredLines(entailmentOf(turtle(text))).map(short).sort();
}

/** Checks the closure, as a reader closing its hierarchies sees it, against the naive reference; returns it shortened and sorted. */
function checked(text: string): string[] {
  const quads = turtle(text);
  const lines = inferredLines(entailmentOf(quads));
  expect(closedByReader(lines, quads)).toEqual(referenceClosure(quads));
  return lines.map(short).sort();
}

describe('Entailment: class hierarchy', () => {
  it('leaves the transitivity of rdfs:subClassOf to readers: a chain entails nothing to store', () => {
    const text = ':A rdfs:subClassOf :B . :B rdfs:subClassOf :C . :C rdfs:subClassOf :D . :A rdfs:subClassOf :C . :D rdfs:subClassOf :D .';
    expect(checked(text)).toEqual([]);
    expect(closedByReader([], turtle(text)).map(short)).toEqual([':A rdfs:subClassOf :D', ':B rdfs:subClassOf :D']);
  });

  it('terminates on a subclass cycle and makes its members equivalent', () => {
    expect(checked(':A rdfs:subClassOf :B . :B rdfs:subClassOf :C . :C rdfs:subClassOf :A . :C rdfs:subClassOf :D .')).toEqual([
      ':A owl:equivalentClass :B', ':A owl:equivalentClass :C', ':B owl:equivalentClass :A', ':B owl:equivalentClass :C',
      ':C owl:equivalentClass :A', ':C owl:equivalentClass :B',
    ]);
  });

  it('reads owl:equivalentClass as symmetric and as subclass both ways', () => {
    expect(checked(':A owl:equivalentClass :B . :B rdfs:subClassOf :C . :x a :A .')).toEqual([
      ':A rdfs:subClassOf :B', ':B owl:equivalentClass :A', ':B rdfs:subClassOf :A',
    ]);
  });

  it('makes the operands of an intersection super classes (OWL RL scm-int)', () => {
    const lines = checked(':Veg owl:equivalentClass [ owl:intersectionOf (:Pizza :Meatless) ] . :x a :Veg .');
    // Stored: the intersection's operands above it, and :Veg ⊑ the intersection; a reader closing the hierarchy gets :Veg ⊑ :Pizza.
    expect(lines).toEqual(expect.arrayContaining([':Veg rdfs:subClassOf _:d0.n3-0', '_:d0.n3-0 rdfs:subClassOf :Pizza', '_:d0.n3-0 rdfs:subClassOf :Meatless']));
  });

  it('leaves rdf:type to super classes (rdfs9) to queries that join the rdfs:subClassOf closure', () => {
    expect(checked(':A rdfs:subClassOf :B . :B rdfs:subClassOf :C . :x a :A . :y a :B , :C .')).toEqual([]);
  });
});

describe('Entailment: properties', () => {
  it('reads owl:equivalentProperty as sub-property both ways, and leaves transitivity and super properties\' facts (rdfs7) to queries', () => {
    expect(checked(':p owl:equivalentProperty :q . :q rdfs:subPropertyOf :r . :x :p :y .')).toEqual([
      ':p rdfs:subPropertyOf :q', ':q owl:equivalentProperty :p', ':q rdfs:subPropertyOf :p',
    ]);
  });

  it('reads owl:inverseOf as symmetric and turns facts around, through super properties, with the most specific inverse', () => {
    expect(checked(':hasPart owl:inverseOf :partOf . :hasWheel rdfs:subPropertyOf :hasPart . :partOf rdfs:subPropertyOf :relatedTo . :car :hasWheel :wheel .')).toEqual([
      ':partOf owl:inverseOf :hasPart', ':wheel :partOf :car',
    ]);
  });

  it('turns a fact around by every inverse that no other one lies below', () => {
    expect(checked(`:p owl:inverseOf :q , :r ; rdfs:subPropertyOf :s . :s owl:inverseOf :t . :q rdfs:subPropertyOf :t .
      :r owl:equivalentProperty :r2 . :x :p :y .`)).toEqual(expect.arrayContaining([':y :q :x', ':y :r :x', ':y :r2 :x']));
    expect(checked(':p owl:inverseOf :q ; rdfs:subPropertyOf :s . :s owl:inverseOf :t . :q rdfs:subPropertyOf :t . :x :p :y .').filter((l) => l.startsWith(':y')))
      .toEqual([':y :q :x']);
  });

  it('turns facts of a symmetric property around', () => {
    expect(checked(':knows a owl:SymmetricProperty . :a :knows :b . :b :knows :c . :c :knows :b .')).toEqual([':b :knows :a']);
  });

  it('types subjects by rdfs:domain and IRI or blank objects by rdfs:range, with the declared classes only', () => {
    expect(checked(':p rdfs:domain :D ; rdfs:range :R . :D rdfs:subClassOf :E . :x :p :y . :x :p [] .').filter((l) => !l.startsWith('_:')))
      .toEqual([':x a :D', ':y a :R']);
  });

  it('leaves out a domain or range class above another type of the node, asserted or entailed', () => {
    expect(checked(`:p rdfs:domain :Agent ; rdfs:subPropertyOf :q . :q rdfs:domain :Thing . :r rdfs:domain :Person .
      :Person rdfs:subClassOf :Agent . :Agent rdfs:subClassOf :Thing . :Agent owl:equivalentClass :Actor . :s rdfs:domain :Actor .
      :x :p :y . :y :p :z ; :s :w . :z a :Person ; :p :x .`).filter((l) => l.includes(' a ')))
      .toEqual([':x a :Agent', ':y a :Actor', ':y a :Agent']);
  });

  it('types the subject of a literal fact by the domains of its property and super properties, and nothing else', () => {
    expect(checked(':name rdfs:subPropertyOf :label ; rdfs:range :Text . :label rdfs:domain :Named . :z :name "Zed" .'))
      .toEqual([':z a :Named']);
  });

  it('combines the rules: a fact through an inverse is typed by the inverse domain', () => {
    expect(checked(':hasTopping owl:inverseOf :isToppingOf . :isToppingOf rdfs:domain :Topping . :pizza :hasTopping :cheese .'))
      .toEqual([':cheese :isToppingOf :pizza', ':cheese a :Topping', ':isToppingOf owl:inverseOf :hasTopping']);
  });
});

describe('Entailment: output', () => {
  it('yields each fact once, none asserted, in the same order on every run', () => {
    const quads = turtle(`
      :A rdfs:subClassOf :B . :B rdfs:subClassOf :C . :A rdfs:subClassOf :C . :p rdfs:domain :A ; owl:inverseOf :q .
      :q rdfs:domain :B . :x :p :y . :x :p :z . :z :q :x . :x a :C .`);
    const first = inferredLines(entailmentOf(quads, quads));
    expect(new Set(first).size).toBe(first.length);
    expect(first).toEqual(inferredLines(entailmentOf(quads)));
    expect(first.map(short)).toEqual([':q owl:inverseOf :p', ':x a :A', ':y :q :x', ':y a :B', ':z a :B']);
  });

  it('yields a subject\'s facts in the order of their predicate\'s, then their object\'s id', () => {
    const classes = Array.from({ length: 80 }, (_, i) => `:C0 owl:equivalentClass :C${i + 1} .`).join('\n');
    const entailment = entailmentOf(turtle(`${classes}\n:p rdfs:domain :C3 ; owl:inverseOf :q . :x :p :y . :y :q :z . :z :p :x .`));
    let pairs = 0;
    for (const triples of entailment.inferredIds(16)) {
      for (let i = 3; i < triples.length; i += 3) {
        if (triples[i] !== triples[i - 3]) continue;
        pairs++;
        expect(triples[i + 1]! > triples[i - 2]! || (triples[i + 1] === triples[i - 2] && triples[i + 2]! > triples[i - 1]!)).toBe(true);
      }
    }
    // 81 equivalent classes: 6,400 entailed facts (:C0 alone has 80: sorted by packed keys, not by insertion).
    expect(pairs).toBeGreaterThan(3_000);
  });

  it('yields nothing for nothing, and recomputes after more facts', () => {
    const entailment = new Entailment();
    expect([...entailment.inferred()]).toEqual([]);
    entailment.addEdge(`${EX}p`, `${RDFS}domain`, `${EX}A`);
    entailment.addEdge(`${EX}x`, `${EX}p`, `${EX}y`);
    expect(inferredLines(entailment).map(short)).toEqual([':x a :A']);
    entailment.addEdge(`${EX}p`, `${OWL}inverseOf`, `${EX}q`);
    expect(inferredLines(entailment).map(short)).toEqual([':x a :A', ':y :q :x', ':q owl:inverseOf :p']);
  });

  it('closes a large cycle with a tail', () => {
    const cycle = Array.from({ length: 200 }, (_, i) => `:K${i} rdfs:subClassOf :K${(i + 1) % 200} .`).join('\n');
    const lines = inferred(`${cycle}\n:K0 rdfs:subClassOf :Top .\n:p rdfs:domain :K7 . :x :p :y .`);
    expect(lines.filter((l) => l.includes('owl:equivalentClass'))).toHaveLength(200 * 199);
    expect(lines.filter((l) => l.includes('rdfs:subClassOf'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith(':x a '))).toEqual([':x a :K7']);
  });
});

describe('Entailment: random schemas against the reference', () => {
  /** A seeded random ontology: hierarchies with cycles and diamonds, equivalences, inverses, symmetric properties, domains, ranges, facts. */
  function randomTurtle(seed: number): string {
    let state = seed;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const lines: string[] = [];
    for (let i = 0; i < 25; i++) lines.push(`:C${next(12)} rdfs:subClassOf :C${next(12)} .`);
    for (let i = 0; i < 3; i++) lines.push(`:C${next(12)} owl:equivalentClass :C${next(12)} .`);
    for (let i = 0; i < 8; i++) lines.push(`:p${next(8)} rdfs:subPropertyOf :p${next(8)} .`);
    for (let i = 0; i < 2; i++) lines.push(`:p${next(8)} owl:equivalentProperty :p${next(8)} .`);
    for (let i = 0; i < 3; i++) lines.push(`:p${next(8)} owl:inverseOf :p${next(8)} .`);
    lines.push(`:p${next(8)} a owl:SymmetricProperty .`);
    for (let i = 0; i < 6; i++) lines.push(`:p${next(8)} rdfs:domain :C${next(12)} .`, `:p${next(8)} rdfs:range :C${next(12)} .`);
    for (let i = 0; i < 20; i++) lines.push(`:x${next(10)} :p${next(8)} :x${next(10)} .`, `:x${next(10)} a :C${next(12)} .`);
    for (let i = 0; i < 5; i++) lines.push(`:x${next(10)} :p${next(8)} "v${i}" .`);
    return lines.join('\n');
  }

  it.each(Array.from({ length: 25 }, (_, seed) => seed + 1))('seed %i', (seed) => {
    expect(checked(randomTurtle(seed)).length).toBeGreaterThan(50);
  });
});
