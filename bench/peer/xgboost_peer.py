#!/usr/bin/python3
"""XGBoost 1.7 peer for the risk benchmark (Korean customs declarations).

Fits the same split the same way as `customs risk benchmark`: fit on --train, every choice on --valid only
(early stopping; the feature set with or without the four party-ID columns), scored once on --test.
Histogram trees, depth 6, learning rate 0.05, 2 threads. Prints conditions to stderr and, as the last stdout line,
{"precisionAt1":…,"precisionAt2":…,"precisionAt5":…,"precisionAt10":…,"recallAt5":…,"auc":…,"trainSeconds":…}
(means over seeds).

  /usr/bin/python3 bench/peer/xgboost_peer.py --train var/risk-split/train.csv --valid var/risk-split/valid.csv \
      --test var/risk-split/test.csv --seeds 3
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

CATEGORICAL = ['Office ID', 'Process Type', 'Import Type', 'Import Use', 'Payment Type', 'Mode of Transport',
               'Country of Departure', 'Country of Origin', 'Tax Type', 'Country of Origin Indicator']
PARTIES = ['Declarant ID', 'Importer ID', 'Seller ID', 'Courier ID']
LABEL = 'Fraud'


def load(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def encode(train, frames, use_parties):
    """Label-encode categoricals with codes fitted on train (unseen → missing); numeric columns as numbers."""
    cols = CATEGORICAL + (PARTIES if use_parties else [])
    out = []
    maps = {c: {v: i for i, v in enumerate(sorted(set(train[c])))} for c in cols}
    for df in frames:
        X = pd.DataFrame(index=df.index)
        for c in cols:
            X[c] = df[c].map(maps[c]).astype(float)
        hs = df['HS6 Code'].str.zfill(6)
        X['hs2'] = hs.str[:2].astype(float)
        X['hs4'] = hs.str[:4].astype(float)
        X['hs6'] = hs.astype(float)
        X['tax_rate'] = pd.to_numeric(df['Tax Rate'], errors='coerce')
        X['mass'] = pd.to_numeric(df['Net Mass'], errors='coerce')
        X['price'] = pd.to_numeric(df['Item Price'], errors='coerce')
        X['unit_price'] = X['price'] / X['mass'].where(X['mass'] > 0)
        out.append(X)
    return out


def precision_at(scores, y, share):
    k = max(1, int(round(share * len(y))))
    order = np.argsort(-scores, kind='stable')
    top = y[order[:k]]
    return top.mean(), top.sum() / max(1, y.sum())


def fit(Xtr, ytr, Xva, yva, seed):
    model = xgb.XGBClassifier(tree_method='hist', max_depth=6, learning_rate=0.05, n_estimators=3000,
                              subsample=0.8, colsample_bytree=0.8, eval_metric='auc', early_stopping_rounds=100,
                              n_jobs=2, random_state=seed)
    model.fit(Xtr, ytr, eval_set=[(Xva, yva)], verbose=False)
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train', required=True)
    ap.add_argument('--valid', required=True)
    ap.add_argument('--test', required=True)
    ap.add_argument('--seeds', type=int, default=3)
    ap.add_argument('--first-seed', type=int, default=1, help='run seeds first-seed .. first-seed+seeds-1')
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    train, valid, test = load(a.train), load(a.valid), load(a.test)
    ytr, yva, yte = (df[LABEL].astype(int).to_numpy() for df in (train, valid, test))
    results = []
    for seed in range(a.first_seed, a.first_seed + a.seeds):
        t0 = time.time()
        best = None
        for use_parties in (True, False):
            Xtr, Xva, Xte = encode(train, (train, valid, test), use_parties)
            model = fit(Xtr, ytr, Xva, yva, seed)
            va_auc = roc_auc_score(yva, model.predict_proba(Xva, iteration_range=(0, model.best_iteration + 1))[:, 1])
            print(f'seed {seed} parties={use_parties}: valid AUC {va_auc:.4f}, {model.best_iteration + 1} trees',
                  file=sys.stderr)
            if best is None or va_auc > best[0]:
                best = (va_auc, use_parties, model, Xte)
        seconds = time.time() - t0
        _, use_parties, model, Xte = best
        s = model.predict_proba(Xte, iteration_range=(0, model.best_iteration + 1))[:, 1]
        r = {'seed': seed, 'parties': use_parties, 'auc': roc_auc_score(yte, s), 'trainSeconds': seconds}
        for n in (1, 2, 5, 10):
            p, rec = precision_at(s, yte, n / 100)
            r[f'precisionAt{n}'] = p
            if n == 5:
                r['recallAt5'] = rec
        print(f'seed {seed}: {json.dumps(r)}', file=sys.stderr)
        results.append(r)
    keys = ['precisionAt1', 'precisionAt2', 'precisionAt5', 'precisionAt10', 'recallAt5', 'auc', 'trainSeconds']
    print(f'xgboost {xgb.__version__}, hist, depth 6, lr 0.05, 2 threads; train {len(train)} valid {len(valid)} '
          f'test {len(test)} rows', file=sys.stderr)
    print(json.dumps({k: round(float(np.mean([r[k] for r in results])), 4) for k in keys}))


if __name__ == '__main__':
    main()
