"""PyTorch twin of Parts.java: forward, weight-gradient and input-gradient times of one convolution layer (median of 25 calls after 15)."""
import torch, time, sys
torch.set_num_threads(2)
def med(fn):
    t=[]
    for it in range(40):
        t0=time.perf_counter(); fn(); 
        if it>=15: t.append((time.perf_counter()-t0)*1e3)
    t.sort(); return t[12]
for spec in sys.argv[1:]:
    n,ci,co,k,s=map(int,spec.split(','))
    w=(torch.randn(co,ci,k,k)*0.05).requires_grad_(); b=torch.zeros(co,requires_grad=True); gy=torch.randn(n,co,s,s)
    x0=torch.randn(n,ci,s,s); x2=torch.randn(n,ci,s,s,requires_grad=True)
    def f():
        with torch.no_grad(): torch.nn.functional.conv2d(x0,w,b,1,k//2)[0,0,0,0].item()
    def fw():
        w.grad=None; b.grad=None; torch.nn.functional.conv2d(x0,w,b,1,k//2).backward(gy); w.grad[0,0,0,0].item()
    def fwi():
        w.grad=None; b.grad=None; x2.grad=None; torch.nn.functional.conv2d(x2,w,b,1,k//2).backward(gy); w.grad[0,0,0,0].item()
    a,bb,c=med(f),med(fw),med(fwi); fl=2.0*n*co*ci*k*k*s*s
    print(f"{spec:18s} fwd {a:6.2f} ({fl/a/1e6:4.0f} GF)  wgrad {bb-a:6.2f} ({fl/(bb-a)/1e6:4.0f} GF)  igrad {c-bb:6.2f} ({fl/(c-bb)/1e6:4.0f} GF)")
