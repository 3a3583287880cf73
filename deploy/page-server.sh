#!/bin/sh
# Starts the page server (src/server/page-server.ts) beside nginx; the official nginx image's
# entrypoint runs this before nginx itself. Its log goes to the container's output.
set -eu
node /opt/page-server/page-server.js &
