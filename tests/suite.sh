#!/bin/sh
# The whole suite as `./dev.sh test` runs it (inside its mount namespace, as root): everything
# but the pcscd rig's tests on three pytest-xdist workers (two cores: many tests wait on child
# processes, Xvfb and timers, two workers kept about one core busy), whole files per worker; then the pcscd
# tests in one process (one pcscd per mount namespace: tests/helpers/parallel.py says why).
# With arguments (`./dev.sh test tests/ui -k door`), pytest runs them as given, in one process.
PY=$1; shift
if [ "$#" -gt 0 ]; then
  exec "$PY" -m pytest "$@"
fi
"$PY" -m pytest -n 3 --dist loadfile -m "not pcscd"; parallel=$?
"$PY" -m pytest -m pcscd; rig=$?
echo "suite: parallel run exit $parallel, pcscd run exit $rig"
[ "$parallel" -eq 0 ] && [ "$rig" -eq 0 ]
