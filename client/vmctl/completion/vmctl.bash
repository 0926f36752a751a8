# bash completion for vmctl (static). Source this file, or install it as
# /usr/share/bash-completion/completions/vmctl. VM names come from `vmctl ls -q`.
_vmctl() {
  local cur prev verb i
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  local verbs="create start stop kill pause resume reset rm ls inspect regs attach logs events wait run balloon info version"
  local global="--host --tls-ca --tls-cert --tls-key --json --help"
  verb=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case " $verbs " in *" ${COMP_WORDS[i]} "*) verb="${COMP_WORDS[i]}"; break ;; esac
  done
  case "$prev" in
    --kernel|--initrd|--payload|--disk|--from|--tls-ca|--tls-cert|--tls-key)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --console) COMPREPLY=($(compgen -W "pl011 virtio" -- "$cur")); return ;;
    --on-reboot) COMPREPLY=($(compgen -W "restart stop" -- "$cur")); return ;;
    --state) COMPREPLY=($(compgen -W "created starting running paused stopping stopped" -- "$cur")); return ;;
    --vm) COMPREPLY=($(compgen -W "$(vmctl ls -q 2>/dev/null)" -- "$cur")); return ;;
    --host|--cpus|--memory|--cmdline|--mac|--forward|--label|--request-id|--timeout|-t|--vcpu|--tail|--since|--detach-keys)
      return ;;
  esac
  if [[ -z "$verb" ]]; then
    COMPREPLY=($(compgen -W "$verbs $global" -- "$cur")); return
  fi
  local spec="--from --cpus --memory --kernel --initrd --cmdline --payload --disk --net --mac --forward --console --on-reboot --label --balloon --request-id"
  local flags=""
  case "$verb" in
    create) flags="$spec --start" ;;
    run) flags="$spec --rm --detach-keys" ;;
    start) flags="--attach --paused --detach-keys" ;;
    stop) flags="--force --timeout --no-wait" ;;
    rm) flags="--force" ;;
    ls) flags="--all --state --label --quiet" ;;
    regs) flags="--vcpu --sysregs" ;;
    attach) flags="--detach-keys --read-only" ;;
    logs) flags="--follow --tail" ;;
    events) flags="--since --vm" ;;
    wait) flags="--state --timeout" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags $global" -- "$cur"))
  else
    case "$verb" in
      create|run|ls|events|info|version) ;;
      *) COMPREPLY=($(compgen -W "$(vmctl ls -q 2>/dev/null)" -- "$cur")) ;;
    esac
  fi
}
complete -F _vmctl vmctl
