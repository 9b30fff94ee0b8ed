"""PyTorch twin of BnTime.java: BatchNorm2d forward and backward in training (median of 25 calls after 15)."""
import torch, time, sys
torch.set_num_threads(2)
for spec in sys.argv[1:]:
    shape = list(map(int, spec.split(',')))
    bn = torch.nn.BatchNorm2d(shape[1]); x = torch.randn(*shape, requires_grad=True); gy = torch.randn(*shape); t = []
    for it in range(40):
        t0 = time.perf_counter(); x.grad = None; bn.zero_grad(); bn(x).backward(gy); x.grad[0, 0, 0, 0].item()
        if it >= 15: t.append((time.perf_counter() - t0) * 1e3)
    t.sort(); print(f"{spec:14s} {t[12]:6.2f} ms")
