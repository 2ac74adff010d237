"""Help pages that are more than a list of keys: what a person should know about the practice."""
