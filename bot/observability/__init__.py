"""What an operator sees of the running bot: structured logs and Prometheus metrics."""
