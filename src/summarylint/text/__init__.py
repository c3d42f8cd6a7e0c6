"""Detection helpers shared by rules and views (pattern packs, placeholder and boilerplate scanners)."""
