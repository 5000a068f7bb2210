"""Trained models shipped with chidao (versioned folders with their metrics); see README.md here."""
