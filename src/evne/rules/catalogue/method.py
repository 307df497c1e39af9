"""More rules of the 2003 method (seed 000 §6, seed 001 §6) — being written."""

RULES = ()
