"""Official vocabularies in the graph: index terms, their cross-references and the codes they lead to."""
