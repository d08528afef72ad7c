// Binds the traversal source `g` (the gremlin-lang engine needs it bound by someone else) and
// indexes the partition key and version-scope properties the adapter filters on, as Cosmos
// indexes every property by default.
graph.createIndex('pk', Vertex.class)
def globals = [:]
globals << [g : traversal().withEmbedded(graph)]
