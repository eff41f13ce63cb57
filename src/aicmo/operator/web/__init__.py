"""The web entry point (`aicmo serve`): pages that recipients and operators reach by HTTP."""
