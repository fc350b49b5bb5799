"""The wizard's pages: welcome, details, one per section, review, results, export."""
