#!/bin/sh
# The container's first process (deploy/Dockerfile's ENTRYPOINT): starts the viewer's server
# (src/server/viewer-server.ts: sign-in, the /api proxy with the key, deep links drawn), then nginx
# through the official image's own entrypoint, which renders the template first ("$@" is its
# command, nginx -g 'daemon off;'). Both log to the container's output.
#
# A stop (SIGTERM; SIGQUIT, the nginx image's STOPSIGNAL; or SIGINT) goes on to both, each as it
# stops gracefully: the viewer's server finishes its requests (VIEWER_SHUTDOWN_GRACE_MS at most),
# nginx those it has (SIGQUIT). Were nginx the first process, it alone would hear the stop, and the
# viewer's server would be killed with the container, its requests cut off.
set -eu

node /opt/viewer-server/viewer-server.js &
viewer=$!
/docker-entrypoint.sh "$@" &
nginx=$!

stop() {
  kill -TERM "$viewer" 2>/dev/null || :
  kill -QUIT "$nginx" 2>/dev/null || :
}
asked=
trap 'asked=1; stop' TERM QUIT INT

# Returns when nginx ends, or as soon as a stop arrives. Either way both stop, and the container
# ends once both have: cleanly when asked to, else with nginx's status.
status=0
wait "$nginx" || status=$?
stop
wait || :
if [ -n "$asked" ]; then exit 0; fi
exit "$status"
