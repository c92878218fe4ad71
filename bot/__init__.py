"""Zhibu. Importing the package first defers aiogram's validator builds to first use
(bot.lean), before anything in the bot imports aiogram."""

from bot import lean

lean.install()
