"""CAM's ports. Its pipeline (import, score, outreach, replies) is not built yet; until
then CAM offers only its vocabulary and the ClientSigned event."""
