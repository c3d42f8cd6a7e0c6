"""Text helpers shared by rules and views: pattern packs, character classes, segmentation, measure words,
shingles, artefacts."""
