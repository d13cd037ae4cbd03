"""Demo-data generator: a fictional city health system with planted cases and their truth."""

from guanxi.synth.generate import generate

__all__ = ["generate"]
