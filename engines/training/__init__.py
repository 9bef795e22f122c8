"""The learning loop's pure parts: engagement scoring, dataset recipes, validation metrics."""
