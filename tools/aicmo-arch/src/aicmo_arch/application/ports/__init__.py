"""What the use cases need from the outside world, one concept per file."""
