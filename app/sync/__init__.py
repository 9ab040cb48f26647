"""Outbox state machine and resumable upload client; arrives with the sync issue."""
