"""Files the bot builds for people to download: pure functions, data in and bytes out."""
