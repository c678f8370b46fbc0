"""Plans: doses, progression rules and template → concrete week-by-week plan. No files, no PDF."""
