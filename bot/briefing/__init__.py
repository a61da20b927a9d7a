"""The briefing engine: text or HTML in, a Brief out; pure, no I/O and no telegram."""
