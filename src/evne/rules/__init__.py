"""Legal checks as code. Plain Python over an immutable case snapshot — no Django import anywhere in this package,
so it runs in bulk, in isolation, and on a case file. See shared/ARCHITECTURE.md §4 and shared/RULES.md.

Evne never computes a score from the resource profile and never decides: rules check procedure, documentation
and deadlines, and where the law asks for judgement they return a *prompt* for the caseworker.
"""
