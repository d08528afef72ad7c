/*
 * The OWL API (the reference OWL implementation, what Protégé reads and writes with) as a command, for the
 * OWL oracle test and the OWL benchmark (scripts/owlapi/owlApi.ts runs it):
 *
 *   java -cp '.cache/owlapi/lib/*' scripts/owlapi/OwlApi.java convert IN OUT FORMAT [IN OUT FORMAT]...
 *     loads each IN once and saves it as FORMAT (ntriples, functional, owlxml or rdfxml) to OUT;
 *   java -cp '.cache/owlapi/lib/*' scripts/owlapi/OwlApi.java time IN ROUNDS
 *     loads IN ROUNDS times in this one JVM, each time with a new manager (made before the clock starts),
 *     and prints one JSON line:
 *     {"roundsMs":[...],"axioms":N,"maxRssBytes":N} (maxRssBytes: the JVM's peak resident set).
 *
 * Offline: owl:imports are never fetched nor followed, so that a document is read alone, as ontomesh's
 * parseFile reads it: every import is mapped to a file that does not exist, and a missing import is
 * silently skipped (an IRI mapper that maps nothing would let the OWL API fetch the import's IRI).
 */
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.FunctionalSyntaxDocumentFormat;
import org.semanticweb.owlapi.formats.NTriplesDocumentFormat;
import org.semanticweb.owlapi.formats.OWLXMLDocumentFormat;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;

public class OwlApi {
  /** Where every import is mapped: no such file, so the import fails at once and is skipped. */
  private static final String NOWHERE = "file:///nonexistent/ontomesh-owlapi-offline/";

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("convert") && (args.length - 1) % 3 == 0) {
      convert(args);
    } else if (args.length == 3 && args[0].equals("time")) {
      time(args[1], Integer.parseInt(args[2]));
    } else {
      System.err.println("usage: OwlApi convert IN OUT FORMAT [IN OUT FORMAT]... | time IN ROUNDS");
      System.exit(2);
    }
  }

  private static OWLOntologyManager offlineManager() {
    OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
    manager.getIRIMappers().clear();
    manager.getIRIMappers().add(iri -> IRI.create(NOWHERE + Integer.toHexString(iri.toString().hashCode())));
    return manager;
  }

  private static OWLOntology load(OWLOntologyManager manager, String file) throws Exception {
    OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
        .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
    return manager.loadOntologyFromOntologyDocument(new FileDocumentSource(new File(file)), config);
  }

  private static void convert(String[] args) throws Exception {
    Map<String, OWLOntology> loaded = new HashMap<>();
    for (int i = 1; i < args.length; i += 3) {
      String in = args[i];
      OWLOntology ontology = loaded.get(in);
      if (ontology == null) loaded.put(in, ontology = load(offlineManager(), in));
      OWLDocumentFormat format = format(args[i + 2]);
      OWLDocumentFormat source = ontology.getOWLOntologyManager().getOntologyFormat(ontology);
      // Keep the document's prefixes, as Protégé does when it saves in another syntax.
      if (source != null && source.isPrefixOWLDocumentFormat() && format.isPrefixOWLDocumentFormat()) {
        format.asPrefixOWLDocumentFormat().copyPrefixesFrom(source.asPrefixOWLDocumentFormat());
      }
      Path out = Path.of(args[i + 1]).toAbsolutePath();
      Files.createDirectories(out.getParent());
      ontology.getOWLOntologyManager().saveOntology(ontology, format, IRI.create(out.toFile()));
    }
  }

  private static OWLDocumentFormat format(String name) {
    switch (name) {
      case "ntriples": return new NTriplesDocumentFormat();
      case "functional": return new FunctionalSyntaxDocumentFormat();
      case "owlxml": return new OWLXMLDocumentFormat();
      case "rdfxml": return new RDFXMLDocumentFormat();
      default: throw new IllegalArgumentException("unknown format " + name + " (ntriples, functional, owlxml, rdfxml)");
    }
  }

  private static void time(String file, int rounds) throws Exception {
    List<Double> roundsMs = new ArrayList<>();
    int axioms = 0;
    for (int round = 0; round < rounds; round++) {
      // The manager is made before the clock starts: making the first one initialises the OWL API
      // (its parser and storer factories), as importing its modules does for a Node process, which
      // ontomesh's measurements do not count either.
      OWLOntologyManager manager = offlineManager();
      long started = System.nanoTime();
      OWLOntology ontology = load(manager, file);
      roundsMs.add((System.nanoTime() - started) / 1e6);
      axioms = ontology.getAxiomCount();
    }
    System.out.println("{\"roundsMs\":[" + roundsMs.stream().map(String::valueOf).collect(Collectors.joining(","))
        + "],\"axioms\":" + axioms + ",\"maxRssBytes\":" + peakRssBytes() + "}");
  }

  /** The process's peak resident set (VmHWM in /proc/self/status, Linux), as the benchmark's Node runs report theirs. */
  private static long peakRssBytes() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }
    return -1;
  }
}
