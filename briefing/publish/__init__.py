"""Publishing: outputs rendered in memory, then written all at once under their dated names."""
