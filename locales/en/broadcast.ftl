command-broadcast = Send a notice to members
command-broadcasts = Sent notices: delivery and who has read them
