"""The Qt user interface. It shows and edits; the rules live in domain/ and store/."""
