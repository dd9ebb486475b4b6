"""Pages of the kindness evaluation; thin: parse, authorise, call a query or service, render."""
