"""What CAM's outreach can do, one use case per file; each takes CAM's unit of work.

Importing leads stays in `pipeline.py`, on its own bulk path.
"""
