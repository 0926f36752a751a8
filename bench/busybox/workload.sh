# A busybox-heavy shell workload for bench/busybox/busybox-bench.py, typed
# into the guest as /tmp/w.sh and run with `sh /tmp/w.sh SCALE`. It times
# itself with /proc/uptime (10 ms ticks) per phase and prints checksums of
# what each phase produced, so the two runners can be compared. Lines stay
# short: they are typed on an 80-column console.
N=$((${1:-1}*5000))
up() { read u rest < /proc/uptime; echo $u; }
T0=$(up); T=$T0
ph() {
 t=$(up)
 echo "PHASE $1 $(awk "BEGIN{printf \"%.2f\", $t-$T}") $2"
 T=$t
}
seq 1 $N | awk '{print ($1*7919)%10007, $1, $1/7}' > /tmp/d
ph gen "$(md5sum < /tmp/d | cut -c1-12)"
sort -n /tmp/d > /tmp/s
ph sort "$(md5sum < /tmp/s | cut -c1-12)"
gzip -6 -c /tmp/d > /tmp/d.gz
ph gzip "$(gzip -dc /tmp/d.gz | md5sum | cut -c1-12)"
sha256sum /tmp/d /tmp/s > /tmp/h
ph sha "$(md5sum < /tmp/h | cut -c1-12)"
x=$(cut -d' ' -f1 /tmp/d | sort | uniq -c | sort -rn | head -3)
ph uniq "$(echo $x | md5sum | cut -c1-12)"
x=$(sed 's/1/x/g' /tmp/d | grep -c x)
ph sedgrep "$x"
i=0; y=0
while [ $i -lt $((N/100)) ]; do
 y=$((y+$(echo $i | tr 0-9 1-9a | wc -c)))
 i=$((i+1))
done
ph procs "$y"
t=$(up)
echo "BUSYBOX-TOTAL $(awk "BEGIN{printf \"%.2f\", $t-$T0}")"
