"""Named reads: the functions resolvers call. Each runs literal queries from `graph.queries`."""
