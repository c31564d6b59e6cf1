#!/usr/bin/env bash
# Stops the private Slurm cluster that tools/cluster/slurm-up.sh DIR started: cancels its jobs,
# then stops slurmd, slurmctld and munged by the process ids in DIR/run/*.pid (nothing else is
# touched), waiting up to 10 s for each before SIGKILL. Keeps DIR (logs) unless --remove.
#   tools/cluster/slurm-down.sh DIR [--remove]
set -uo pipefail

dir=${1:?usage: slurm-down.sh DIR [--remove]}
[[ -d $dir ]] || exit 0
dir=$(cd "$dir" && pwd)
PATH=$PATH:/usr/sbin

if [[ -f $dir/slurm.conf ]]; then
  SLURM_CONF=$dir/slurm.conf timeout 10 scancel --full --quiet --user="$(id -un)" 2>/dev/null || true
fi

stop() {  # stop NAME: SIGTERM the pid in DIR/run/NAME.pid, wait, then SIGKILL
  local pidfile=$dir/run/$1.pid pid
  [[ -s $pidfile ]] || return 0
  pid=$(<"$pidfile")
  # Only a process of that name: a stale pid file must not stop an unrelated process.
  if [[ $pid =~ ^[0-9]+$ ]] && [[ "$(cat /proc/"$pid"/comm 2>/dev/null)" == "$1" ]]; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do
      [[ -e /proc/$pid ]] || break
      sleep 0.1
    done
    if [[ -e /proc/$pid ]]; then
      echo "slurm-down: $1 ($pid) did not stop; killing it" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$pidfile"
}
stop slurmd
stop slurmctld
stop munged
echo "slurm-down: stopped the cluster of $dir"
if [[ ${2:-} == --remove ]]; then
  rm -rf "$dir"
fi
