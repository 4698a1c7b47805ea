"""The guidance as code: catalogues, residency, categories, the determination engine. No Qt."""
