"""Knowledge graph of Vietnamese policy documents: schema, ids, merge, store, queries, CLI."""
