"""Report charts as PNG bytes (matplotlib, imported only here and only when a chart is drawn,
so the bot's idle memory does not pay for it)."""
