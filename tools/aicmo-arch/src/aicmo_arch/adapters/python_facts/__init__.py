"""What one Python source file says about imports, tables and writes, read from its syntax tree."""
