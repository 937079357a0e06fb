using Microsoft.ML;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Training;

namespace Qtl.MlNet;

public sealed partial class QuantumHeadTrainer
{
    /// <summary>
    /// The trainer's options, with the published recipe's defaults (<see cref="TrainingOptions"/>: 4 qubits, depth 6, Adam
    /// lr 0.0004, batch 4, 30 epochs, StepLR 10 × 0.1, q_delta 0.01, seed 42, the qsharp backend, parameter-shift, exact).
    /// </summary>
    public sealed class Options
    {
        /// <summary>A key column (e.g. from <c>MapValueToKey</c>); its key values name the classes, in key order.</summary>
        public string LabelColumnName = "Label";

        /// <summary>A known-size vector of Single (e.g. <c>DnnFeaturizeImage</c>'s output).</summary>
        public string FeatureColumnName = "Features";

        public int Qubits = 4;
        public int Depth = 6;
        public double LearningRate = 0.0004;
        public int BatchSize = 4;
        public int Epochs = 30;
        /// <summary>StepLR: the learning rate is multiplied by <see cref="Gamma"/> every this many epochs.</summary>
        public int StepSize = 10;
        public double Gamma = 0.1;
        /// <summary>The circuit's initial weights are q_delta · N(0, 1).</summary>
        public double QDelta = 0.01;
        /// <summary>Initial weights and shuffling: the same seed and options give the weights <c>train</c> gives, bit for bit.</summary>
        public int Seed = 42;
        /// <summary>Where the circuit runs in training: qsharp (the QDK, started for the fit and ended after it) or native.</summary>
        public BackendKind Backend = BackendKind.QSharp;
        public GradientMethod GradientMethod = GradientMethod.ParameterShift;
        /// <summary>Shots per circuit in training (0 = exact). The fitted model always scores exactly (its ONNX graph).</summary>
        public int Shots;

        /// <summary>
        /// The data that picks the best epoch (by accuracy, as <c>train</c> does), with the trainer's label and feature
        /// columns; the same as <see cref="QuantumHeadTrainer.Fit(IDataView, IDataView)"/>'s second argument. Without
        /// either the model is the last epoch's.
        /// </summary>
        public IDataView? ValidationSet;

        /// <summary>The product's options for these fields.</summary>
        public TrainingOptions ToTrainingOptions() => new()
        {
            Qubits = Qubits, Depth = Depth, LearningRate = LearningRate, BatchSize = BatchSize, Epochs = Epochs,
            StepSize = StepSize, Gamma = Gamma, QDelta = QDelta, Seed = Seed, Backend = Backend, GradientMethod = GradientMethod,
            Shots = Shots,
        };
    }
}
