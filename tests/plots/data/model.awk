# Plausible-looking sweep rows for two traces: a model with round numbers, not a
# simulation. It gives the plot tests a sweep of the real shape (8 windows, 6
# intervals, 3 runtimes, values spanning decades). usage: awk -f model.awk > model.csv
function row(tr, algo, mode, w, iv, lat, rt,    B, T, n, fal, mis, base, med, p99, mn, mx, cpu, det) {
  B = (tr == "tactile-6mm") ? 1200 : 4000       # bounce length, us
  T = 20e6; n = 40                               # trace length us, presses
  fal = 0; mis = 0
  if (algo == "none") fal = (mode == "poll" ? int(6 * n * (iv < 200 ? 1 : 200 / iv)) : 8 * n)
  else if (algo == "lockout" || algo == "eager-defer") fal = (w < B) ? int(n * (B - w) / B * 2) : 0
  else if (algo == "defer") fal = (w < B / 3) ? int(n * (B / 3 - w) / (B / 3)) : 0
  else if (algo == "integrator") fal = (w < B / 4) ? int(n * (B / 4 - w) / (B / 4)) : 0
  if (w >= 10000 && algo != "none") mis = (w >= 20000) ? 9 : 2
  if (algo == "lockout" && w >= 20000) mis = 4
  wait = (mode == "poll") ? iv / 2 : lat
  if (algo == "none" || algo == "lockout" || algo == "eager-defer") base = 0
  else base = w + B / 3
  med = base + wait; p99 = med + (mode == "poll" ? iv / 2 : lat * (rt == "mpy-soft" ? 6 : 1.5)) + (base > 0 ? B / 2 : 0)
  mn = base + (mode == "poll" ? 0.5 : lat * 0.8); mx = p99 * 1.1
  det = n - mis + fal
  cpu = (mode == "poll") ? T / iv : n * (algo == "none" ? 24 : 26)
  if (det == 0) { med = p99 = mn = mx = "" }
  printf "%s,%s,%s,%d,%d,%s,%s,%d,%d,%d,%d,%s,%s,%s,%s,%s,%d,%.6g,%s\n", tr, algo, mode, w, w, \
    (mode == "poll" ? iv : ""), (mode == "irq" ? lat : ""), n, det, mis, fal, mn, med, p99, mx, med, cpu, cpu / n, \
    (mode == "irq" ? rt : "")
}
BEGIN {
  print "trace,algo,mode,press_window_us,release_window_us,interval_us,irq_latency_us,presses_true,presses_detected,missed,false_triggers,press_latency_min_us,press_latency_median_us,press_latency_p99_us,press_latency_max_us,release_latency_median_us,cpu_entries,cpu_entries_per_press,runtime"
  split("none lockout defer eager-defer integrator", algos, " ")
  split("250 500 1000 2000 3000 5000 10000 20000", wins, " ")
  split("10 100 500 1000 5000 10000", ivs, " ")
  split("c mpy-hard mpy-soft", rts, " "); lats["c"] = 1.5; lats["mpy-hard"] = 25; lats["mpy-soft"] = 400
  split("tactile-6mm worn-switch", trs, " ")
  for (t = 1; t <= 2; t++) for (a = 1; a <= 5; a++) for (k = 1; k <= 8; k++) {
    for (i = 1; i <= 6; i++) row(trs[t], algos[a], "poll", wins[k], ivs[i], "", "")
    if (algos[a] != "integrator") for (r = 1; r <= 3; r++) row(trs[t], algos[a], "irq", wins[k], "", lats[rts[r]], rts[r])
  }
}
