#!/usr/bin/env python3
"""Share of true-positive findings (on `vigil: expect RULE` lines of the corpus and examples) that get a
verified fix from `vigil fix`, per rule; lists fixes on lines without an expect marker or touching a
`vigil: safe` line (both must stay empty). Usage: scripts/fix-coverage.py [RULE...] (RULEs: print refusals)."""
import json, subprocess, sys, re, os, collections
root=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
res=collections.defaultdict(lambda:[0,0]); bad=[]; reasons=collections.defaultdict(list)
for base in ['vigil-java/src/test/corpus','examples']:
    b=os.path.join(root,base)
    out=subprocess.run([root+'/vigil','fix',b,'--format','json','-q'],capture_output=True,text=True).stdout
    for f in json.loads(out)['fixes']:
        path=os.path.join(b,f['file']); line=open(path,encoding='utf-8',errors='replace').read().split('\n')[f['line']-1]
        exp = bool(re.search(r'vigil: expect .*'+re.escape(f['ruleId'])+r'\b',line))
        if exp:
            res[f['ruleId']][1]+=1
            if f['status']=='fixed': res[f['ruleId']][0]+=1
            else: reasons[f['ruleId']].append(f"{base}/{f['file']}:{f['line']} {f.get('reason','')}")
        elif f['status']=='fixed':
            bad.append(f"{f['file']}:{f['line']} {f['ruleId']}")
        # check edits do not touch safe lines
        if f['status']=='fixed':
            edited=os.path.join(b,f.get('editedFile',f['file']))
            lines=open(edited,encoding='utf-8',errors='replace').read().split('\n')
            for e in f['edits']:
                for l in range(e['startLine'],e['endLine']+1):
                    if 'vigil: safe' in lines[l-1] and f['ruleId'] in lines[l-1]: bad.append(f"SAFE TOUCHED {f['file']}:{l}")
tf=tt=0
for r,(a,t) in sorted(res.items()):
    print(f"{r}: {a}/{t}"); tf+=a; tt+=t
print("total",tf,tt)
print("bad",bad)
want=sys.argv[1:] 
for r in want:
    for x in reasons[r]: print(r,x)
