command-need = Report a need
command-tickets = Need tickets
