#!/bin/bash
cd /work/main
for r in 1 2 3; do
  java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar '\.(MotionStep|VoiceSwapStep)\.' -jvmArgsAppend "-Dmasquerade.cpu.threads=2" -wi 12 -w 1 -i 5 -r 1 -rf json -rff /tmp/mv/jmh-$r.json > /tmp/mv/jmh-$r.log 2>&1
  /usr/bin/python3 benchmarks/motion_torch.py --threads 2 --json /tmp/mv/torch-motion-$r.json > /dev/null 2>&1
  /usr/bin/python3 benchmarks/voiceswap_torch.py --threads 2 --json /tmp/mv/torch-voiceswap-$r.json > /dev/null 2>&1
done
echo finished
