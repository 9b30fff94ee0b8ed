// Runs face-api 1.7.15 itself on TensorFlow.js's pure-JavaScript CPU backend and writes what
// the faces module's tests compare with (see README.md beside this file):
//
//   node reference.mjs outputs MODELS PHOTOS OUT   raw outputs of the three nets for fixed inputs,
//                                                  and the whole pipeline on the photos in PHOTOS
//   node reference.mjs time MODELS PHOTO [REPEATS] milliseconds per image of detector + landmarks
//                                                  and per face of the descriptor
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs');
// face-api's Node build that needs no tfjs-node (native binaries); it loads the WASM backend
// package too, but setBackend('cpu') below runs TF.js's pure-JavaScript kernels
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const { PNG } = require('pngjs');
const jpeg = require('jpeg-js');

await tf.setBackend('cpu');
await tf.ready();
if (tf.getBackend() !== 'cpu') throw new Error(`TF.js runs on ${tf.getBackend()}, not its pure-JavaScript cpu backend`);

/** Loads one network from its manifest and shards, as the weights reader of the faces module does. */
function load(net, models, name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(models, `${name}_model-weights_manifest.json`)));
  const specs = manifest.flatMap((group) => group.weights);
  const bytes = Buffer.concat(manifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(models, p)))));
  net.loadFromWeightMap(tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), specs));
}

function loadAll(models) {
  load(faceapi.nets.tinyFaceDetector, models, 'tiny_face_detector');
  load(faceapi.nets.faceLandmark68Net, models, 'face_landmark_68');
  load(faceapi.nets.faceRecognitionNet, models, 'face_recognition');
}

/** The fixed test image: integer arithmetic only, so the Java side builds the same pixels (FixedImages). */
function pattern(size, seed) {
  const pixels = new Int32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 3; c++) {
        pixels[(y * size + x) * 3 + c] = (x * 7 + y * 13 + c * 101 + ((x ^ y) & 31) * 5 + seed * 29) % 256;
      }
    }
  }
  return tf.tensor3d(pixels, [size, size, 3], 'int32');
}

function decode(file) {
  const bytes = fs.readFileSync(file);
  const image = file.endsWith('.png') ? PNG.sync.read(bytes) : jpeg.decode(bytes, { useTArray: true });
  const rgb = new Int32Array(image.width * image.height * 3);
  for (let i = 0; i < image.width * image.height; i++) {
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = image.data[i * 4 + c];
  }
  return tf.tensor3d(rgb, [image.height, image.width, 3], 'int32');
}

const round = (values) => Array.from(values, (v) => Number(v.toPrecision(9)));

async function detectAll(image) {
  return faceapi.detectAllFaces(image, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }))
    .withFaceLandmarks().withFaceDescriptors();
}

async function outputs(models, photos, out) {
  loadAll(models);
  const raw = [];
  for (const seed of [1, 2]) {
    const detector = await faceapi.nets.tinyFaceDetector.forward(pattern(416, seed), 416);
    const landmarks = await faceapi.nets.faceLandmark68Net.forward(pattern(112, seed));
    const descriptor = await faceapi.nets.faceRecognitionNet.forward(pattern(150, seed));
    raw.push({
      seed,
      tiny_face_detector: { shape: detector.shape, nhwc: round(detector.dataSync()) },
      face_landmark_68: { shape: landmarks.shape, values: round(landmarks.dataSync()) },
      face_recognition: { shape: descriptor.shape, values: round(descriptor.dataSync()) },
    });
  }
  fs.writeFileSync(path.join(out, 'raw-outputs.json'), JSON.stringify({ pattern: '(x*7 + y*13 + c*101 + ((x^y)&31)*5 + seed*29) % 256', raw }));
  const images = [];
  for (const name of fs.readdirSync(photos).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort()) {
    const faces = await detectAll(decode(path.join(photos, name)));
    images.push({
      image: name,
      faces: faces.map((f) => ({
        box: round([f.detection.box.x, f.detection.box.y, f.detection.box.width, f.detection.box.height]),
        score: Number(f.detection.score.toPrecision(9)),
        landmarks: f.landmarks.positions.map((p) => round([p.x, p.y])),
        descriptor: round(f.descriptor),
      })),
    });
    console.log(`${name}: ${faces.length} face(s)`);
  }
  fs.writeFileSync(path.join(out, 'photos.json'), JSON.stringify(images));
}

async function time(models, photo, repeats) {
  loadAll(models);
  const image = decode(photo);
  const faces = await detectAll(image);
  if (faces.length === 0) throw new Error(`no face in ${photo}`);
  const clock = async (work) => {
    await work();
    const start = process.hrtime.bigint();
    for (let i = 0; i < repeats; i++) await work();
    return Number(process.hrtime.bigint() - start) / 1e6 / repeats;
  };
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 });
  const detectorAndLandmarks = await clock(() => faceapi.detectSingleFace(image, options).withFaceLandmarks());
  // the square withFaceDescriptors cuts out (dlib's alignment), inside the picture
  const box = faces[0].landmarks.align(null, { useDlibAlignment: true }).clipAtImageBorders(image.shape[1], image.shape[0]);
  const face = tf.slice3d(image, [box.y, box.x, 0], [box.height, box.width, 3]);
  const descriptor = await clock(() => faceapi.nets.faceRecognitionNet.computeFaceDescriptor(face));
  console.log(JSON.stringify({ backend: tf.getBackend(), tfjs: tf.version.tfjs, photo: path.basename(photo), repeats,
    detector_and_landmarks_ms: Number(detectorAndLandmarks.toFixed(1)), descriptor_ms: Number(descriptor.toFixed(1)) }));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'outputs' && args.length === 3) await outputs(...args);
else if (command === 'time' && args.length >= 2) await time(args[0], args[1], Number(args[2] || 5));
else {
  console.error('usage: node reference.mjs outputs MODELS PHOTOS OUT | time MODELS PHOTO [REPEATS]');
  process.exit(2);
}
