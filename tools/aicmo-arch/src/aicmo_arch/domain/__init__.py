"""The rules and the data they read: pure functions over the declaration and the files' facts."""
