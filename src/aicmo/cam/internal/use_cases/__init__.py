"""What CAM can do, one use case per file; each takes CAM's unit of work."""
