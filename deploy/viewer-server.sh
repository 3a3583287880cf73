#!/bin/sh
# Starts the viewer's server (src/server/viewer-server.ts: sign-in and sessions, the /api proxy
# with the key, and deep links drawn) beside nginx; the official nginx image's entrypoint runs
# this before nginx itself. Its log goes to the container's output.
set -eu
node /opt/viewer-server/viewer-server.js &
