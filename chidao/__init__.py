"""chidao: Vietnamese meeting minutes and official documents in, tracked tasks out."""

__version__ = "0.1.0"
